/**
 * OS keychain support for clerk-fx (macOS Keychain, Windows Credential Manager, Linux Secret
 * Service) through java-keyring: an optional module. Putting its jar on the module path or class
 * path is all it takes; clerk-fx finds it with {@code java.util.ServiceLoader}. Without it, the
 * client token is kept in an owner-only file.
 *
 * <p>The jar carries {@code Automatic-Module-Name: dev.clerkfx.keychain} instead of a module
 * descriptor, because java-keyring has no module name of its own: a descriptor would have to
 * require it by a name derived from its file name.
 */
package dev.clerkfx.keychain;
