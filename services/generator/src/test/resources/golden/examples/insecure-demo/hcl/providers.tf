provider "aws" {
  region = "us-east-1"

  default_tags {
    tags = local.tags
  }
}

locals {
  tags = {
    dharma-blueprint   = "insecure-demo"
    dharma-environment = "dev"
    managed-by         = "dharma"
  }
}
