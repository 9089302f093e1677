provider "google" {
  region         = "europe-west4"
  default_labels = local.labels
}

locals {
  labels = {
    cost-center        = "cc-0001"
    dharma-blueprint   = "case-compute"
    dharma-environment = "staging"
    managed-by         = "dharma"
    owner              = "team-platform"
  }
}
