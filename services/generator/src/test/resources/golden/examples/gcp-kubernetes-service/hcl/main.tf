data "google_dns_managed_zones" "all" {}

resource "google_compute_network" "vpc" {
  name                    = "payments-api-vpc"
  auto_create_subnetworks = false
  routing_mode            = "REGIONAL"
}

resource "google_compute_global_address" "vpc_private_services" {
  name          = "payments-api-vpc-private-services"
  purpose       = "VPC_PEERING"
  address_type  = "INTERNAL"
  prefix_length = 16
  network       = google_compute_network.vpc.id
}

resource "google_service_networking_connection" "vpc_private_services" {
  network                 = google_compute_network.vpc.id
  service                 = "servicenetworking.googleapis.com"
  reserved_peering_ranges = [google_compute_global_address.vpc_private_services.name]
}

resource "google_compute_subnetwork" "nodes" {
  name                     = "payments-api-nodes"
  region                   = "europe-west4"
  network                  = google_compute_network.vpc.id
  ip_cidr_range            = "10.60.0.0/20"
  private_ip_google_access = true
}

resource "google_container_cluster" "gke" {
  name                = "payments-api-gke"
  location            = "europe-west4"
  network             = google_compute_network.vpc.id
  subnetwork          = google_compute_subnetwork.nodes.id
  min_master_version  = "1.35"
  networking_mode     = "VPC_NATIVE"
  deletion_protection = true

  remove_default_node_pool = true
  initial_node_count       = 1

  ip_allocation_policy {}
}

resource "google_container_node_pool" "gke" {
  name               = "payments-api-gke-nodes"
  cluster            = google_container_cluster.gke.id
  location           = "europe-west4"
  initial_node_count = 1

  autoscaling {
    total_min_node_count = 3
    total_max_node_count = 10
    location_policy      = "BALANCED"
  }

  management {
    auto_repair  = true
    auto_upgrade = true
  }

  node_config {
    machine_type = "n2-standard-4"
    tags         = ["payments-api-gke"]
    oauth_scopes = ["https://www.googleapis.com/auth/cloud-platform"]
  }
}

resource "google_redis_instance" "sessions" {
  name           = "payments-api-sessions"
  region         = "europe-west4"
  tier           = "STANDARD_HA"
  memory_size_gb = 3
  redis_version  = "REDIS_7_0"

  authorized_network      = google_compute_network.vpc.id
  connect_mode            = "PRIVATE_SERVICE_ACCESS"
  auth_enabled            = true
  transit_encryption_mode = "SERVER_AUTHENTICATION"

  depends_on = [google_service_networking_connection.vpc_private_services]
}

resource "random_id" "artifacts" {
  byte_length = 3
}

resource "google_storage_bucket" "artifacts" {
  name                        = "payments-api-artifacts-${random_id.artifacts.hex}"
  location                    = "EUROPE-WEST4"
  storage_class               = "STANDARD"
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"
  force_destroy               = false

  versioning {
    enabled = true
  }

  lifecycle_rule {
    condition {
      age = 180
    }

    action {
      type = "Delete"
    }
  }
}

resource "google_dns_record_set" "api" {
  managed_zone = one([for zone in data.google_dns_managed_zones.all.managed_zones : zone.name if zone.dns_name == "payments.example.com."])
  name         = "api.payments.example.com."
  type         = "A"
  ttl          = 300
  rrdatas      = ["203.0.113.10"]

  depends_on = [google_container_node_pool.gke]
}
