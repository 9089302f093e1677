package io.dharma.terraform;

import io.dharma.executor.Stack;
import java.util.List;

/**
 * The executor's additions to a stack's configuration, as {@code dharma_override.tf}: the pg
 * backend (its connection comes from the environment, so no secret is written to disk) and, when
 * AWS is an emulator, the AWS provider's endpoints and the settings an emulator needs.
 */
final class ProviderOverrides {

    /** Every AWS service the generator's resources and data sources call. */
    static final List<String> AWS_SERVICES = List.of("acm", "autoscaling", "cloudwatch", "dynamodb", "ec2", "ecr",
            "ecs", "eks", "elasticache", "elb", "elbv2", "iam", "kms", "lambda", "logs", "rds", "route53", "s3",
            "secretsmanager", "sns", "sqs", "ssm", "sts");

    private ProviderOverrides() {
    }

    static String of(Stack stack, String awsEndpoint) {
        StringBuilder override = new StringBuilder("""
                # Added by Dharma's Terraform executor; the generated files beside it are unchanged.
                terraform {
                  backend "pg" {}
                }
                """);
        if ("aws".equals(stack.cloud()) && awsEndpoint != null) {
            override.append("""

                    provider "aws" {
                      skip_credentials_validation = true
                      skip_requesting_account_id  = true
                      skip_metadata_api_check     = true
                      s3_use_path_style           = true

                      endpoints {
                    """);
            int width = AWS_SERVICES.stream().mapToInt(String::length).max().orElseThrow();
            for (String service : AWS_SERVICES) {
                override.append("    ").append(service).append(" ".repeat(width - service.length()))
                        .append(" = \"").append(awsEndpoint).append("\"\n");
            }
            override.append("  }\n}\n");
        }
        return override.toString();
    }
}
