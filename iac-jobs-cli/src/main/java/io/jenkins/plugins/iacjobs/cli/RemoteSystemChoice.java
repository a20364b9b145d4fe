package io.jenkins.plugins.iacjobs.cli;

/** The remote system a command talks to ({@code --system}). */
enum RemoteSystemChoice { genesys, terrakube }
