package io.dharma.identity.user;

/**
 * A user just created.
 *
 * @param generatedPassword the password the platform generated, shown this once and stored only as
 *        a hash; {@code null} when the creator chose the password
 */
public record CreatedUser(User user, String generatedPassword) {
}
