package io.mvinfra.host.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(1000);

    @Test
    void verifiesTheRightPasswordOnly() {
        String stored = hasher.hash("s3cret-passphrase".toCharArray());

        assertThat(hasher.verify("s3cret-passphrase".toCharArray(), stored)).isTrue();
        assertThat(hasher.verify("s3cret-passphrasE".toCharArray(), stored)).isFalse();
        assertThat(hasher.verify("".toCharArray(), stored)).isFalse();
    }

    @Test
    void keepsAlgorithmIterationsAndAFreshSaltButNeverThePassword() {
        String first = hasher.hash("same password".toCharArray());
        String second = hasher.hash("same password".toCharArray());

        assertThat(first).startsWith("pbkdf2-sha256$1000$").doesNotContain("same password");
        assertThat(first.split("\\$")).hasSize(4);
        assertThat(first).as("per-user salt").isNotEqualTo(second);
    }

    @Test
    void oldIterationCountsStillVerifyAndAskForARehash() {
        String old = hasher.hash("upgrade me please".toCharArray());
        PasswordHasher today = new PasswordHasher();

        assertThat(today.verify("upgrade me please".toCharArray(), old)).isTrue();
        assertThat(today.needsRehash(old)).isTrue();
        assertThat(hasher.needsRehash(old)).isFalse();
    }

    @Test
    void aMalformedStoredValueVerifiesNothing() {
        assertThat(hasher.verify("x".toCharArray(), null)).isFalse();
        assertThat(hasher.verify("x".toCharArray(), "plain-text")).isFalse();
        assertThat(hasher.verify("x".toCharArray(), "pbkdf2-sha256$abc$$")).isFalse();
        assertThat(hasher.verify("x".toCharArray(), "md5$1$c2FsdA$aGFzaA")).isFalse();
    }
}
