provider "google" {
  region         = "europe-west4"
  default_labels = local.labels
}

locals {
  labels = {
    dharma-blueprint   = "case-kubernetes"
    dharma-environment = "prod"
    managed-by         = "dharma"
  }
}
