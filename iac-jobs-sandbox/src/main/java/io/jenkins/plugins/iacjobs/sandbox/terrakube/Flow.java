package io.jenkins.plugins.iacjobs.sandbox.terrakube;

/**
 * One flow of a template's TCL.
 *
 * @param type terraformPlan, terraformApply, terraformDestroy, approval, ...
 * @param team the approval team, for {@code approval} flows
 */
record Flow(String type, String name, int step, String team) {

    boolean isApproval() {
        return "approval".equals(type);
    }
}
