package io.mvinfra.host.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The login form of a host listening beyond loopback, in a real browser: refused, then let in, then out. */
class LoginBrowserTest {
    private static final String PASSWORD = "a passphrase long enough";
    private static WebHost web;
    private static Browser browser;

    @BeforeAll
    static void start() {
        Browser.requireChromium();
        web = WebHost.start(true);
        web.users().add("operator", PASSWORD.toCharArray());
        browser = Browser.open(web.baseUrl());
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (web != null) {
            web.close();
        }
    }

    @Test
    void logsInAfterAWrongPasswordAndBackOut() {
        browser.go("/e/DnsRecord", "#login-user");
        boolean navShown = browser.driver().findElement(By.id("nav")).isDisplayed();
        browser.screenshot("login");

        browser.typeCss("#login-user", "operator");
        browser.typeCss("#login-password", "not the passphrase");
        browser.click("form.login button[type=submit]");
        browser.waitForText("#login-error", "wrong user name or password");

        browser.typeCss("#login-password", PASSWORD);
        browser.click("form.login button[type=submit]");
        browser.waitFor("#entities, .empty");
        assertThat(navShown).isFalse();
        assertThat(browser.driver().getCurrentUrl()).as("back where the operator wanted to go").endsWith("#/e/DnsRecord");
        assertThat(browser.text("#user")).isEqualTo("operator");

        browser.click("#logout");
        browser.waitFor("#login-user");
        assertThat(browser.driver().findElement(By.id("nav")).isDisplayed()).as("no navigation before a login").isFalse();
    }
}
