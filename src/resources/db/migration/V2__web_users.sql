-- Who may log in to the web admin when it listens beyond loopback. Only a PBKDF2 hash of each password
-- is kept (algorithm, iterations, salt and hash in one value); password_changed_at ends older sessions.
CREATE TABLE web_user (
    username             VARCHAR(64)  NOT NULL PRIMARY KEY,
    password_hash        VARCHAR(255) NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    password_changed_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
