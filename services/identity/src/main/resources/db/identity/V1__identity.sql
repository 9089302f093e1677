-- The identity schema: Spring Authorization Server's JDBC tables (its DDL adapted to PostgreSQL as
-- its comments ask: blob -> text, timestamp -> timestamptz; the column names are its contract),
-- the platform's users, the token signing key and the refresh-token families that detect reuse.

CREATE TABLE oauth2_registered_client (
    id                            varchar(100)  NOT NULL PRIMARY KEY,
    client_id                     varchar(100)  NOT NULL UNIQUE,
    client_id_issued_at           timestamptz   NOT NULL DEFAULT now(),
    client_secret                 varchar(200),
    client_secret_expires_at      timestamptz,
    client_name                   varchar(200)  NOT NULL,
    client_authentication_methods varchar(1000) NOT NULL,
    authorization_grant_types     varchar(1000) NOT NULL,
    redirect_uris                 varchar(1000),
    post_logout_redirect_uris     varchar(1000),
    scopes                        varchar(1000) NOT NULL,
    client_settings               varchar(2000) NOT NULL,
    token_settings                varchar(2000) NOT NULL
);

CREATE TABLE oauth2_authorization (
    id                            varchar(100)  NOT NULL PRIMARY KEY,
    registered_client_id          varchar(100)  NOT NULL,
    principal_name                varchar(200)  NOT NULL,
    authorization_grant_type      varchar(100)  NOT NULL,
    authorized_scopes             varchar(1000),
    attributes                    text,
    state                         varchar(500),
    authorization_code_value      text,
    authorization_code_issued_at  timestamptz,
    authorization_code_expires_at timestamptz,
    authorization_code_metadata   text,
    access_token_value            text,
    access_token_issued_at        timestamptz,
    access_token_expires_at       timestamptz,
    access_token_metadata         text,
    access_token_type             varchar(100),
    access_token_scopes           varchar(1000),
    oidc_id_token_value           text,
    oidc_id_token_issued_at       timestamptz,
    oidc_id_token_expires_at      timestamptz,
    oidc_id_token_metadata        text,
    refresh_token_value           text,
    refresh_token_issued_at       timestamptz,
    refresh_token_expires_at      timestamptz,
    refresh_token_metadata        text,
    user_code_value               text,
    user_code_issued_at           timestamptz,
    user_code_expires_at          timestamptz,
    user_code_metadata            text,
    device_code_value             text,
    device_code_issued_at         timestamptz,
    device_code_expires_at        timestamptz,
    device_code_metadata          text
);

-- The authorization service looks authorizations up by each kind of token (hashes keep the
-- indexes small whatever a token's length; PostgreSQL uses them for equality on the value).
CREATE INDEX oauth2_authorization_state ON oauth2_authorization USING hash (state);
CREATE INDEX oauth2_authorization_code ON oauth2_authorization USING hash (authorization_code_value);
CREATE INDEX oauth2_authorization_access_token ON oauth2_authorization USING hash (access_token_value);
CREATE INDEX oauth2_authorization_refresh_token ON oauth2_authorization USING hash (refresh_token_value);
CREATE INDEX oauth2_authorization_user_code ON oauth2_authorization USING hash (user_code_value);
CREATE INDEX oauth2_authorization_device_code ON oauth2_authorization USING hash (device_code_value);
CREATE INDEX oauth2_authorization_principal ON oauth2_authorization (principal_name);

CREATE TABLE oauth2_authorization_consent (
    registered_client_id varchar(100)  NOT NULL,
    principal_name       varchar(200)  NOT NULL,
    authorities          varchar(1000) NOT NULL,
    PRIMARY KEY (registered_client_id, principal_name)
);

CREATE TABLE users (
    username      text        NOT NULL PRIMARY KEY,
    tenant        text        NOT NULL,
    roles         text[]      NOT NULL,
    password_hash text        NOT NULL,
    enabled       boolean     NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now(),
    created_by    text        NOT NULL
);
CREATE INDEX users_tenant ON users (tenant, username);

-- The RSA key that signs tokens, generated once so tokens stay valid across restarts and
-- instances. At most one key signs (active); retired keys would stay here, published, until the
-- tokens they signed have expired.
CREATE TABLE signing_keys (
    kid        text        NOT NULL PRIMARY KEY,
    jwk        text        NOT NULL,
    active     boolean     NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX signing_keys_one_active ON signing_keys (active) WHERE active;

-- One family per login: every refresh token issued from it, by hash. A token presented after it
-- was rotated away is found here but no longer in oauth2_authorization: the family is revoked.
CREATE TABLE refresh_token_families (
    family_id  text        NOT NULL PRIMARY KEY,
    username   text        NOT NULL,
    tenant     text,
    client_id  text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    revoked_at timestamptz,
    revoked_by text
);
CREATE INDEX refresh_token_families_user ON refresh_token_families (username);

CREATE TABLE refresh_tokens (
    token_hash       text        NOT NULL PRIMARY KEY,
    family_id        text        NOT NULL REFERENCES refresh_token_families ON DELETE CASCADE,
    authorization_id text        NOT NULL,
    expires_at       timestamptz NOT NULL
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_expiry ON refresh_tokens (expires_at);
