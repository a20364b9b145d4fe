package io.jenkins.plugins.iacjobs.core.genesys.model;

/** One accelerator input: name and value, both strings on the wire. */
public record AcceleratorParameter(String name, String value) {
    @Override
    public String toString() {
        return "AcceleratorParameter[" + name + "]";
    }
}
