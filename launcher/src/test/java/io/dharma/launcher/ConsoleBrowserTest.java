package io.dharma.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * The web console in a real browser against the platform as {@code ./dharma up} runs it: users of
 * the embedded issuer sign in on its login page, submit the examples, follow their timelines live,
 * see a blocked blueprint's violations and approve a production deployment (four eyes: someone
 * else than the submitter). Every page is checked with axe-core; screenshots are kept in
 * target/browser-screenshots. One browser for the class; the platform is the JVM's shared one.
 */
class ConsoleBrowserTest {

    private static final String TENANT = "e2e-console";
    private static final Duration PIPELINE = Duration.ofMinutes(4);
    private static final java.util.Set<String> ENDED = java.util.Set.of("SUCCEEDED", "FAILED", "BLOCKED", "REJECTED", "DESTROYED");

    private static RunningPlatform platform;
    private static Chromium chromium;
    private static User developer;
    private static User approver;
    private static User policyAdmin;

    private record User(String name, String password) {
    }

    @BeforeAll
    static void startBrowserAndCreateUsers() throws Exception {
        platform = SharedPlatform.get();
        // Both roles, so the four-eyes rule (not a missing role) is what stops them approving their own.
        developer = createUser("dev", "[\"developer\",\"approver\"]");
        approver = createUser("appr", "[\"approver\"]");
        policyAdmin = createUser("pol", "[\"policy-admin\"]");
        chromium = Chromium.start();
    }

    @AfterAll
    static void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    private static User createUser(String prefix, String roles) throws Exception {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        PlatformApi admin = PlatformApi.withBearer(platform.apiUrl(), platform.generatedAdminKey().orElseThrow());
        var response = admin.post("/api/v1/users",
                "{\"username\":\"" + name + "\",\"tenant\":\"" + TENANT + "\",\"roles\":" + roles + "}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode created = PlatformApi.json(response.body());
        return new User(name, created.path("password").asString());
    }

    @Test
    void aDeveloperSignsInSubmitsTheWebAppAndWatchesItSucceed() {
        signIn(developer);
        chromium.assertAccessible("blueprints");

        String trackingId = submit("aws-web-app.yaml");
        awaitTrackingStatus("SUCCEEDED");
        assertThat(chromium.driver.findElements(By.cssSelector("ol.timeline li"))).hasSizeGreaterThanOrEqualTo(5);
        chromium.screenshot("web-app-succeeded");
        chromium.assertAccessible("timeline " + trackingId);
        String total = waitFor(By.xpath("//dt[text()='totalMonthly']/following-sibling::dd")).getText();

        click(By.linkText("Deployment"));
        waitFor(By.xpath("//h2[text()='Resources: desired and observed']"));
        assertThat(waitFor(By.cssSelector("table.plan-actions tbody tr")).getText()).contains("CREATE");
        chromium.screenshot("web-app-deployment");
        chromium.assertAccessible("deployment");

        // The console's own links from here on: a fresh page load would start signed out (tokens in memory).
        nav("Blueprints");
        click(By.xpath("//table//a[text()='web-app' or contains(@href,'/blueprints/')]"));
        waitFor(By.xpath("//table[@class='iac-files']//code[text()='hcl/main.tf']"));
        assertThat(chromium.driver.findElements(By.xpath("//table[@class='iac-files']//code[text()='json/main.tf.json']"))).isNotEmpty();
        click(By.xpath("//button[normalize-space(.)='View hcl/main.tf']"));
        WebElement viewer = waitFor(By.cssSelector("[data-testid=file-viewer]"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> viewer.getText().contains("resource \"aws_"));
        assertThat(chromium.driver.findElements(By.xpath("//button[starts-with(normalize-space(.),'Download the HCL')]"))).isNotEmpty();
        waitFor(By.xpath("//p[starts-with(normalize-space(.),'Outcome:')]"));
        chromium.screenshot("web-app-generated-files");
        chromium.assertAccessible("generated files and verdict");

        click(By.xpath("//a[starts-with(text(),'Cost estimate of version')]"));
        WebElement costTotal = waitFor(By.cssSelector("[data-testid=cost-total]"));
        assertThat(costTotal.getText()).as("the total the tracking reported, to the cent")
                .startsWith(String.format(java.util.Locale.US, "$%,.2f", new java.math.BigDecimal(total)))
                .contains("a month on AWS");
        assertThat(chromium.driver.findElements(By.cssSelector("table.cost-lines tbody tr"))).isNotEmpty();
        chromium.screenshot("web-app-cost");
        chromium.assertAccessible("cost of the web app");

        for (String page : new String[] {"Costs", "Drift", "Policies"}) {
            nav(page);
            waitFor(By.xpath("//h1[text()='" + page + "']"));
            Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> chromium.driver.findElements(By.xpath("//*[starts-with(text(),'Loading')]")).isEmpty());
            chromium.screenshot(page.toLowerCase());
            chromium.assertAccessible(page);
        }
        assertThat(chromium.driver.findElements(By.id("create-policy")))
                .as("a developer is not offered to create policies").isEmpty();
    }

    @Test
    void theProdExampleWaitsForAnotherUsersApproval() {
        signIn(developer);
        submit("aws-prod-api.yaml");
        awaitTrackingStatus("AWAITING_APPROVAL");
        chromium.screenshot("prod-awaiting-approval");

        nav("Approvals");
        WebElement approve = approveButton();
        chromium.assertAccessible("approvals");
        approve.click();
        WebElement refused = waitFor(By.cssSelector("[role=alert]"));
        assertThat(refused.getText()).as("the submitter cannot approve in prod").contains("deployment.four-eyes");
        chromium.screenshot("prod-four-eyes-refused");

        signIn(approver);
        nav("Approvals");
        approveButton().click();
        WebElement approved = waitFor(By.xpath("//p[@role='status' and starts-with(text(),'Approved')]"));
        assertThat(approved.getText()).contains("REQUESTED");
        chromium.screenshot("prod-approved");
        chromium.assertAccessible("approvals after approving");
    }

    @Test
    void theInsecureDemoIsBlockedWithItsViolationsShown() {
        signIn(developer);
        openExample("insecure-demo.yaml");
        click(By.xpath("//button[text()='Plan (dry run)']"));
        waitFor(By.id("dry-run-title"));
        assertThat(chromium.driver.findElements(By.cssSelector(".dry-run table.violations-table tbody tr")))
                .as("the dry run lists every violation").hasSize(9);
        assertThat(chromium.driver.getCurrentUrl()).as("nothing submitted").endsWith("/submit");
        chromium.screenshot("insecure-demo-dry-run");
        chromium.assertAccessible("dry run");
        By listed = By.xpath("//table//a[text()='insecure-demo']");
        nav("Blueprints");
        waitFor(By.xpath("//h1[text()='Blueprints']"));
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> chromium.driver.findElements(By.xpath("//*[starts-with(text(),'Loading')]")).isEmpty());
        assertThat(chromium.driver.findElements(listed)).as("the dry run stored no blueprint").isEmpty();

        submit("insecure-demo.yaml");
        awaitTrackingStatus("BLOCKED");
        waitFor(By.cssSelector(".violations li"));
        assertThat(chromium.driver.findElements(By.cssSelector(".violations li"))).isNotEmpty();
        chromium.screenshot("insecure-demo-blocked");
        chromium.assertAccessible("blocked timeline");
        nav("Blueprints");
        assertThat(waitFor(listed).isDisplayed()).as("the same list shows a real submission").isTrue();
    }

    @Test
    void aRefusedDocumentShowsItsProblemsByLine() {
        signIn(developer);
        nav("Submit");
        waitFor(By.id("blueprint-text")).sendKeys("apiVersion: dharma/v1\nkind: Blueprint\nmetadata:\n  name: Not_A_Name\nspec: {}\n");
        click(By.xpath("//button[text()='Submit']"));
        waitFor(By.id("problems-title"));
        assertThat(chromium.driver.findElements(By.xpath("//section[@class='problems']//button[normalize-space(.)='Line 4']")))
                .as("the problem of /metadata/name points at line 4").isNotEmpty();
        assertThat(chromium.driver.findElements(By.cssSelector(".gutter .bad"))).isNotEmpty();
        chromium.screenshot("submit-problems");
        chromium.assertAccessible("submit with problems");
    }

    @Test
    void aPolicyAdminSeesCelErrorsInlineThenCreatesAndDisablesAPolicy() {
        signIn(policyAdmin);
        nav("Policies");
        String id = "tags.team-" + UUID.randomUUID().toString().substring(0, 6);
        waitFor(By.id("policy-id")).sendKeys(id);
        chromium.driver.findElement(By.id("policy-title")).sendKeys("Buckets name their team");
        chromium.driver.findElement(By.id("policy-resourceTypes")).sendKeys("storage.bucket");
        chromium.driver.findElement(By.id("policy-expression")).sendKeys("resource.tags.exists(t, t ==");
        chromium.driver.findElement(By.id("policy-message")).sendKeys("Every bucket names its team");
        click(By.xpath("//button[text()='Create policy']"));
        WebElement errors = waitFor(By.id("expression-errors"));
        assertThat(errors.getText()).as("the CEL compile error, by line and column").contains("Line 1");
        assertThat(chromium.driver.findElement(By.id("policy-expression")).getDomAttribute("aria-invalid")).isEqualTo("true");
        chromium.screenshot("policy-cel-error");
        chromium.assertAccessible("policies with errors");

        WebElement expression = chromium.driver.findElement(By.id("policy-expression"));
        expression.clear();
        expression.sendKeys("'team' in blueprint.tags");
        click(By.xpath("//button[text()='Create policy']"));
        waitFor(By.xpath("//p[@role='status' and contains(normalize-space(.),'Created policy " + id + "')]"));
        click(By.xpath("//button[normalize-space(.)='Disable " + id + "']"));
        waitFor(By.xpath("//button[normalize-space(.)='Enable " + id + "']"));
        chromium.screenshot("policy-disabled");
    }

    /**
     * Signs in on the issuer's login page. The console keeps tokens in memory only, so a fresh page
     * load starts signed out; dropping the cookies ends the issuer's session of the previous user.
     */
    private void signIn(User user) {
        chromium.driver.get(platform.apiUrl() + "/");
        chromium.driver.manage().deleteAllCookies();
        chromium.driver.get(platform.apiUrl() + "/");
        waitFor(By.xpath("//h1[text()='Sign in']"));
        chromium.assertAccessible("sign-in");
        click(By.xpath("//button[text()='Sign in with Dharma']"));
        waitFor(By.id("username")).sendKeys(user.name());
        chromium.driver.findElement(By.id("password")).sendKeys(user.password());
        chromium.screenshot("issuer-login-" + user.name().substring(0, user.name().indexOf('-')));
        chromium.driver.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement caller = waitFor(By.cssSelector("[data-testid=caller]"));
        assertThat(caller.getText()).contains(user.name()).contains(TENANT);
    }

    /** Opens the example on the Submit page, submits it, and answers the tracking id of its timeline. */
    private String submit(String example) {
        openExample(example);
        chromium.assertAccessible("submit");
        click(By.xpath("//button[text()='Submit']"));
        new WebDriverWait(chromium.driver, Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("/tracking/"));
        String url = chromium.driver.getCurrentUrl();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private void openExample(String example) {
        nav("Submit");
        waitFor(By.id("blueprint-file")).sendKeys(Path.of("../examples", example).toAbsolutePath().normalize().toString());
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> !chromium.driver.findElement(By.id("blueprint-text")).getDomProperty("value").isBlank());
    }

    /** Waits for the live timeline to show the status, or to end in another one (then fails at once). */
    private void awaitTrackingStatus(String status) {
        By current = By.cssSelector("[data-testid=tracking-status]");
        String shown = Awaitility.await().atMost(PIPELINE).pollInterval(Duration.ofMillis(500))
                .until(() -> chromium.driver.findElement(current).getText(),
                        text -> text.equals(status) || ENDED.contains(text));
        assertThat(shown).as("the timeline's status").isEqualTo(status);
    }

    /** An approve button, refreshing the inbox until the deployments' state has the deployment. */
    private WebElement approveButton() {
        By approve = By.xpath("//button[starts-with(normalize-space(.),'Approve deployment')]");
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            if (chromium.driver.findElements(approve).isEmpty()) {
                chromium.driver.findElement(By.xpath("//button[text()='Refresh']")).click();
                return null;
            }
            return chromium.driver.findElement(approve);
        }, java.util.Objects::nonNull);
    }

    private void nav(String label) {
        click(By.xpath("//nav//a[text()='" + label + "']"));
    }

    private void click(By target) {
        new WebDriverWait(chromium.driver, Duration.ofSeconds(30)).until(ExpectedConditions.elementToBeClickable(target)).click();
    }

    private WebElement waitFor(By target) {
        return new WebDriverWait(chromium.driver, Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(target));
    }
}
