package io.dharma.identity.token;

/**
 * One login: the refresh tokens issued from it, each replacing the last.
 *
 * @param id the id of the login's first authorization (the {@value TokenFamilies#ATTRIBUTE} attribute)
 * @param tenant the user's tenant when the login began; null if the user was unknown then
 * @param clientId the registered client the login is for
 */
public record TokenFamily(String id, String username, String tenant, String clientId) {
}
