provider "aws" {
  region = "us-east-1"

  default_tags {
    tags = local.tags
  }
}

locals {
  tags = {
    cost-center        = "cc-1107"
    dharma-blueprint   = "orders-api-prod"
    dharma-environment = "prod"
    managed-by         = "dharma"
    on-call            = "orders-oncall@example.com"
    owner              = "team-orders"
  }
}
