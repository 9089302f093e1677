package io.dharma.bench;

import io.dharma.blueprint.Blueprint;
import io.dharma.blueprint.validation.BlueprintValidator;
import io.dharma.blueprint.validation.DocumentFormat;
import io.dharma.blueprint.validation.ValidationResult;
import io.dharma.embedded.EmbeddedPostgresServer;
import io.dharma.executor.DesiredStates;
import io.dharma.executor.GeneratedTerraform;
import io.dharma.executor.Plan;
import io.dharma.executor.Stack;
import io.dharma.executor.StackConfiguration;
import io.dharma.generator.GenerationResult;
import io.dharma.generator.TerraformConfiguration;
import io.dharma.generator.TerraformGenerator;
import io.dharma.terraform.TerraformEnvironment;
import io.dharma.terraform.TerraformExecutor;
import io.dharma.terraform.TerraformExecutorProperties;
import io.dharma.terraform.emulator.AwsEmulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Terraform deployments into the AWS emulator: how long plan and apply take through Dharma's
 * executor (pg state backend, scrubbed environment, plan read from -json, state read back) for a
 * one-bucket blueprint and for the web app example, next to Terraform's own floor measured in the
 * same run (the same configuration, plain terraform init/plan/apply with a local state), and the
 * throughput of stacks deployed in parallel.
 */
@Command(name = "terraform", mixinStandardHelpOptions = true,
        description = "Plan/apply times of the Terraform executor against moto, Terraform's own floor, parallel stacks.")
final class TerraformBench implements Callable<Integer> {

    private static final String BUCKET = """
            apiVersion: dharma/v1
            kind: Blueprint
            metadata:
              name: NAME
              environment: dev
            spec:
              cloud: aws
              region: eu-west-1
              approval: auto
              resources:
                - name: files
                  type: storage.bucket
                  properties:
                    versioning: true
            """;

    @Option(names = "--parallel", defaultValue = "4", description = "One-bucket stacks deployed at once (default ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--max-parallel-runs", defaultValue = "2",
            description = "The executor's limit of terraform processes (default ${DEFAULT-VALUE}).")
    int maxParallelRuns;

    @Option(names = "--skip-web-app", description = "Leave out the web app example (about three minutes).")
    boolean skipWebApp;

    @Override
    public Integer call() throws Exception {
        System.out.println(Machine.describe());
        Path home = Files.createTempDirectory("dharma-bench-terraform");
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(home, 0);
             AwsEmulator aws = AwsEmulator.start(home.resolve("moto"), 0);
             // Terraform alone deploys into an emulator of its own: moto 5.2 gives every RDS
             // instance of a region the same resource id, so a second web app in one emulator hangs.
             AwsEmulator rawAws = AwsEmulator.start(home.resolve("moto-raw"), 0)) {
            TerraformExecutorProperties properties = new TerraformExecutorProperties(true, "terraform", home.resolve("terraform"),
                    TerraformExecutorProperties.MACHINE_PLUGIN_MIRROR, maxParallelRuns, Duration.ofMinutes(10),
                    Duration.ofMinutes(30), new TerraformExecutorProperties.Aws(aws.endpoint(), "test", "test"));
            TerraformExecutor executor = new TerraformExecutor(properties, TerraformEnvironment.create(home.resolve("terraform"),
                    postgres.jdbcUrl(), postgres.username(), postgres.password(), TerraformExecutorProperties.MACHINE_PLUGIN_MIRROR,
                    properties.aws()));

            Timing floor = rawTerraform(home.resolve("raw"), generate(BUCKET.replace("NAME", "raw-bucket")), rawAws.endpoint());
            Timing bucket = deploy(executor, BUCKET.replace("NAME", "one-bucket"));
            System.out.printf("%-34s %9s %9s %9s%n", "", "init", "plan", "apply");
            System.out.printf("%-34s %9s %9s %9s%n", "terraform alone, one bucket", floor.init(), floor.plan(), floor.apply());
            System.out.printf("%-34s %9s %9s %9s   (plan %.2fx, apply %.2fx of terraform alone; init is part of the first plan)%n",
                    "Dharma executor, one bucket", "-", bucket.plan(), bucket.apply(),
                    bucket.planMillis() / (double) (floor.planMillis() + floor.initMillis()),
                    bucket.applyMillis() / (double) floor.applyMillis());
            if (!skipWebApp) {
                String webApp = Files.readString(Path.of("examples", "aws-web-app.yaml"));
                Timing rawApp = rawTerraform(home.resolve("raw-app"), generate(webApp.replace("shop-web-dev", "raw-web")), rawAws.endpoint());
                Timing app = deploy(executor, webApp.replace("shop-web-dev", "bench-web"));
                System.out.printf("%-34s %9s %9s %9s%n", "terraform alone, web app example", rawApp.init(), rawApp.plan(), rawApp.apply());
                System.out.printf("%-34s %9s %9s %9s   (plan %.2fx, apply %.2fx of terraform alone)%n",
                        "Dharma executor, web app example", "-", app.plan(), app.apply(),
                        app.planMillis() / (double) (rawApp.planMillis() + rawApp.initMillis()),
                        app.applyMillis() / (double) rawApp.applyMillis());
            }
            long start = System.nanoTime();
            try (ExecutorService pool = Executors.newFixedThreadPool(parallel)) {
                List<Future<Timing>> stacks = new ArrayList<>();
                for (int i = 0; i < parallel; i++) {
                    String name = "parallel-" + i;
                    stacks.add(pool.submit(() -> deploy(executor, BUCKET.replace("NAME", name))));
                }
                for (Future<Timing> stack : stacks) {
                    stack.get();
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double sequential = (bucket.planMillis() + bucket.applyMillis()) / 1000.0;
            System.out.printf("%d one-bucket stacks at once (max %d terraform processes): %.1f s, %.2f stacks/min "
                    + "(one at a time: %.2f stacks/min, %.2fx)%n", parallel, maxParallelRuns, seconds, parallel * 60 / seconds,
                    60 / sequential, (parallel * 60 / seconds) / (60 / sequential));
        }
        return 0;
    }

    private record Timing(long initMillis, long planMillis, long applyMillis) {

        String init() {
            return seconds(initMillis);
        }

        String plan() {
            return seconds(planMillis);
        }

        String apply() {
            return seconds(applyMillis);
        }

        private static String seconds(long millis) {
            return "%.1f s".formatted(millis / 1000.0);
        }
    }

    private static Timing deploy(TerraformExecutor executor, String document) throws Exception {
        Blueprint blueprint = blueprint(document);
        Stack stack = DesiredStates.stackOf("bench", UUID.randomUUID().toString(), blueprint);
        TerraformConfiguration generated = generate(document);
        StackConfiguration configuration = new StackConfiguration(DesiredStates.from(blueprint), new GeneratedTerraform(
                generated.contentHash(),
                generated.files().stream().map(file -> new GeneratedTerraform.File(file.path(), file.content())).toList(),
                generated.resources().stream().collect(java.util.stream.Collectors.toMap(
                        io.dharma.generator.ResourceAddress::address, io.dharma.generator.ResourceAddress::resourceName))));
        long start = System.nanoTime();
        Plan plan = executor.plan(stack, configuration);
        long planned = System.nanoTime();
        executor.apply(stack, plan, (change, result) -> { });
        long applied = System.nanoTime();
        return new Timing(0, (planned - start) / 1_000_000, (applied - planned) / 1_000_000);
    }

    /** The same configuration through plain terraform: local state, the same mirror and endpoints. */
    private static Timing rawTerraform(Path dir, TerraformConfiguration configuration, String endpoint) throws Exception {
        Files.createDirectories(dir);
        for (var file : configuration.files()) {
            if (file.path().startsWith(TerraformGenerator.HCL_FOLDER)) {
                Files.writeString(dir.resolve(file.path().substring(TerraformGenerator.HCL_FOLDER.length())), file.content());
            }
        }
        StringBuilder endpoints = new StringBuilder();
        for (String service : List.of("ec2", "elasticache", "elbv2", "rds", "route53", "s3", "sts", "iam")) {
            endpoints.append("    ").append(service).append(" = \"").append(endpoint).append("\"\n");
        }
        Files.writeString(dir.resolve("raw_override.tf"), """
                provider "aws" {
                  access_key                  = "test"
                  secret_key                  = "test"
                  skip_credentials_validation = true
                  skip_requesting_account_id  = true
                  skip_metadata_api_check     = true
                  s3_use_path_style           = true
                  endpoints {
                %s  }
                }
                """.formatted(endpoints), StandardCharsets.UTF_8);
        Path rc = dir.resolve("terraformrc");
        Files.writeString(rc, "provider_installation {\n  filesystem_mirror {\n    path = \""
                + TerraformExecutorProperties.MACHINE_PLUGIN_MIRROR + "\"\n  }\n}\nplugin_cache_dir = \"" + dir.resolveSibling("raw-cache")
                + "\"\n");
        Files.createDirectories(dir.resolveSibling("raw-cache"));
        long init = run(dir, rc, "init", "-input=false", "-no-color");
        long plan = run(dir, rc, "plan", "-input=false", "-no-color", "-out=raw.tfplan");
        long apply = run(dir, rc, "apply", "-input=false", "-no-color", "raw.tfplan");
        return new Timing(init, plan, apply);
    }

    private static long run(Path dir, Path rc, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("terraform"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve(arguments[0] + ".log").toFile());
        builder.environment().put("TF_CLI_CONFIG_FILE", rc.toString());
        builder.environment().put("CHECKPOINT_DISABLE", "1");
        long start = System.nanoTime();
        int exit = builder.start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("terraform " + arguments[0] + " failed; see " + dir.resolve(arguments[0] + ".log"));
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static Blueprint blueprint(String document) {
        ValidationResult result = new BlueprintValidator().validate(document, DocumentFormat.YAML);
        if (!(result instanceof ValidationResult.Valid valid)) {
            throw new IllegalArgumentException("not a valid blueprint: " + result);
        }
        return valid.blueprint();
    }

    private static TerraformConfiguration generate(String document) {
        return ((GenerationResult.Generated) new TerraformGenerator().generate(blueprint(document))).configuration();
    }
}
