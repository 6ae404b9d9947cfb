/**
 * The {@code eas-net} command. Its only public type is {@link io.easnet.cli.EasNet}, the main class; the commands
 * are package-private.
 */
package io.easnet.cli;
