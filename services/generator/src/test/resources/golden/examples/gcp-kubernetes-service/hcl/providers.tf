provider "google" {
  region         = "europe-west4"
  default_labels = local.labels
}

locals {
  labels = {
    cost-center        = "cc-3001"
    dharma-blueprint   = "payments-api"
    dharma-environment = "prod"
    managed-by         = "dharma"
    owner              = "team-payments"
    tier               = "critical"
  }
}
