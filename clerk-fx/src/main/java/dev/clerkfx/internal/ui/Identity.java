package dev.clerkfx.internal.ui;

import dev.clerkfx.model.EmailAddress;
import dev.clerkfx.model.PhoneNumber;
import dev.clerkfx.model.PublicUserData;
import dev.clerkfx.model.Session;
import dev.clerkfx.model.User;
import java.util.Optional;

/**
 * How a person is shown in a list: a display name, a second line (email, phone or username), a
 * picture and the key that keeps their avatar colour.
 *
 * @param name the full name, else the username, else the identifier
 * @param detail the primary email, else phone, else username; {@code ""} when the name already is
 *     it
 * @param imageUrl the picture URL, {@code ""} when none
 * @param key the user id (avatar colour)
 */
public record Identity(String name, String detail, String imageUrl, String key) {
  /** The identity of a signed-in user. */
  public static Identity of(User user) {
    String contact =
        user.primaryEmailAddress()
            .map(EmailAddress::emailAddress)
            .or(() -> user.primaryPhoneNumber().map(PhoneNumber::phoneNumber))
            .or(user::username)
            .orElse("");
    String name = user.fullName().or(user::username).orElse(contact);
    return new Identity(
        name, name.equals(contact) ? "" : contact, user.imageUrl().orElse(""), user.id());
  }

  /** The identity of a session's user (the user when sent, else the session's public user data). */
  public static Identity of(Session session) {
    if (session.user().isPresent()) return of(session.user().get());
    PublicUserData p =
        session
            .publicUserData()
            .orElse(
                new PublicUserData(
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    false,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty()));
    String full = (p.firstName().orElse("") + " " + p.lastName().orElse("")).strip();
    String contact = p.identifier().or(p::username).orElse("");
    String name = full.isEmpty() ? contact : full;
    return new Identity(
        name,
        name.equals(contact) ? "" : contact,
        p.imageUrl().orElse(""),
        p.userId().orElse(session.id()));
  }

  /** The identity of the current session, if any. */
  public static Optional<Identity> ofCurrent(Optional<Session> session) {
    return session.map(Identity::of);
  }
}
