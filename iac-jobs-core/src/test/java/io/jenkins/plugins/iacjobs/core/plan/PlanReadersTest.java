package io.jenkins.plugins.iacjobs.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Plans read from what Terraform prints, Terraform's JSON plan, and a Genesys dry run's results. */
class PlanReadersTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void terraformTextWithColoursReplacementsAndTheSummary() {
        String out = """
                \u001b[0mTerraform used the selected providers to generate the following execution plan.
                  \u001b[32m+\u001b[0m create
                \u001b[1m  # aws_instance.web\u001b[0m will be created
                  \u001b[32m+\u001b[0m resource "aws_instance" "web" {
                \u001b[1m  # module.net.aws_subnet.a["eu-west-1a"]\u001b[0m will be updated in-place
                \u001b[1m  # aws_db_instance.main\u001b[0m must be replaced
                \u001b[1m  # aws_s3_bucket.old\u001b[0m will be destroyed
                  # (because aws_s3_bucket.old is not in configuration)
                \u001b[1mPlan:\u001b[0m 2 to add, 1 to change, 2 to destroy.
                aws_instance.web: Creating...
                  # aws_instance.other will be created
                """;
        Plan p = TerraformPlanText.read(out).orElseThrow();
        assertEquals(List.of("+ aws_instance.web", "~ module.net.aws_subnet.a[\"eu-west-1a\"]", "-/+ aws_db_instance.main",
                "- aws_s3_bucket.old"), p.shownLines(), "lines after the summary are not the plan");
        assertEquals(List.of(2, 1, 2), List.of(p.add(), p.change(), p.destroy()));
        assertTrue(p.complete());
        assertEquals("aws_subnet", p.resources().get(1).type());
        assertEquals("a[\"eu-west-1a\"]", p.resources().get(1).name());
        assertEquals("Plan: 2 to add, 1 to change, 2 to destroy.", p.headline());
    }

    @Test
    void noChangesAndImportsAndNothingAtAll() {
        Plan none = TerraformPlanText.read("Refreshing state...\n\u001b[32mNo changes.\u001b[0m Your infrastructure matches the configuration.\n")
                .orElseThrow();
        assertTrue(none.noChanges() && !none.hasChanges());
        assertEquals("No changes.", none.headline());
        Plan imports = TerraformPlanText.read("Plan: 1 to import, 3 to add, 0 to change, 0 to destroy.\n").orElseThrow();
        assertEquals(3, imports.add());
        assertTrue(TerraformPlanText.read("Initializing the backend...\nError: no credentials\n").isEmpty());
    }

    @Test
    void withoutASummaryTheCountsAreCountedAndSaySo() {
        Plan p = TerraformPlanText.read("  # a.b will be created\n  # a.c must be replaced\n").orElseThrow();
        assertFalse(p.complete());
        assertEquals(List.of(2, 0, 1), List.of(p.add(), p.change(), p.destroy()));
    }

    @Test
    void genesysResultsInTheSandboxShapeAndAsTerraformJson() {
        Plan sandbox = GenesysPlanResults.read("""
                {"resources":[{"action":"create","type":"genesyscloud_routing_queue","name":"Support"},
                              {"action":"destroy","type":"genesyscloud_flow","name":"Old"}],
                 "summary":{"create":1,"update":0,"destroy":1}}""", JSON).orElseThrow();
        assertEquals(List.of("+ genesyscloud_routing_queue.Support", "- genesyscloud_flow.Old"), sandbox.shownLines());
        assertEquals(1, sandbox.destroy());
        Plan tfJson = GenesysPlanResults.read("""
                {"resource_changes":[{"address":"x.a","type":"x","name":"a","change":{"actions":["delete","create"]}},
                                     {"address":"x.b","type":"x","name":"b","change":{"actions":["no-op"]}}]}""", JSON).orElseThrow();
        assertEquals(List.of("-/+ x.a"), tfJson.shownLines());
        assertEquals(List.of(1, 0, 1), List.of(tfJson.add(), tfJson.change(), tfJson.destroy()));
        assertTrue(GenesysPlanResults.read("{\"created\":[]}", JSON).isEmpty(), "a shape we do not know stays raw");
    }

    @Test
    void theModelIsPlainValuesForPipelines() {
        Plan p = TerraformPlanText.read("  # a.b will be destroyed\nPlan: 0 to add, 0 to change, 1 to destroy.\n").orElseThrow();
        var m = p.toMap();
        assertEquals(1, m.get("destroy"));
        assertEquals(ArrayList.class, m.get("resources").getClass());
        assertEquals("destroy", ((Map<?, ?>) ((List<?>) m.get("resources")).get(0)).get("action"));
    }

    @Test
    void ansiCodesAreStripped() {
        assertEquals("Plan: 1 to add", Ansi.strip("\u001b[1mPlan:\u001b[0m 1 to add"));
        assertEquals("plain", Ansi.strip("plain"));
    }

    /** Terraform 1.x's own output for a plan that creates, replaces (-/+) and destroys, with unicode in names. */
    @Test
    void realTerraformOutputWithReplacementAndUnicodeNames() {
        String out = """
                Terraform used the selected providers to generate the following execution
                plan. Resource actions are indicated with the following symbols:
                  + create
                  - destroy
                -/+ destroy and then create replacement

                Terraform will perform the following actions:

                  # aws_s3_bucket.logs["café-ünïcode"] will be created
                  + resource "aws_s3_bucket" "logs" {
                      + bucket = "café-ünïcode"
                    }

                  # aws_instance.web must be replaced
                -/+ resource "aws_instance" "web" {
                      ~ ami = "ami-0a1" -> "ami-0b2" # forces replacement
                    }

                  # module.old.aws_iam_role.r will be destroyed
                  # (because aws_iam_role.r is not in configuration)
                  - resource "aws_iam_role" "r" {
                      - name = "r" -> null
                    }

                Plan: 2 to add, 0 to change, 2 to destroy.

                ─────────────────────────────────────────────────────────────────────────────
                Note: You didn't use the -out option to save this plan.
                """;
        Plan p = TerraformPlanText.read(out).orElseThrow();
        assertEquals(List.of("+ aws_s3_bucket.logs[\"café-ünïcode\"]", "-/+ aws_instance.web", "- module.old.aws_iam_role.r"),
                p.shownLines());
        assertEquals(List.of(2, 0, 2), List.of(p.add(), p.change(), p.destroy()));
        assertEquals("aws_s3_bucket", p.resources().get(0).type());
        assertTrue(p.text().contains("  -/+ aws_instance.web\n"), p.text());
        Plan none = TerraformPlanText.read("""
                aws_instance.web: Refreshing state... [id=i-0abc]

                No changes. Your infrastructure matches the configuration.

                Terraform has compared your real infrastructure against your configuration
                and found no differences, so no changes are needed.
                """).orElseThrow();
        assertTrue(none.noChanges() && none.complete() && none.resources().isEmpty());
    }
}
