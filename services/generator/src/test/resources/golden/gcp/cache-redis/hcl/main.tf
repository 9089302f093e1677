resource "google_compute_network" "main" {
  name                    = "case-redis-main"
  auto_create_subnetworks = false
  routing_mode            = "REGIONAL"
}

resource "google_compute_global_address" "main_private_services" {
  name          = "case-redis-main-private-services"
  purpose       = "VPC_PEERING"
  address_type  = "INTERNAL"
  prefix_length = 16
  network       = google_compute_network.main.id
}

resource "google_service_networking_connection" "main_private_services" {
  network                 = google_compute_network.main.id
  service                 = "servicenetworking.googleapis.com"
  reserved_peering_ranges = [google_compute_global_address.main_private_services.name]
}

resource "google_compute_subnetwork" "data_a" {
  name                     = "case-redis-data-a"
  region                   = "europe-west4"
  network                  = google_compute_network.main.id
  ip_cidr_range            = "10.9.1.0/24"
  private_ip_google_access = true
}

resource "google_compute_subnetwork" "data_b" {
  name                     = "case-redis-data-b"
  region                   = "europe-west4"
  network                  = google_compute_network.main.id
  ip_cidr_range            = "10.9.2.0/24"
  private_ip_google_access = true
}

resource "google_redis_instance" "sessions" {
  name           = "case-redis-sessions"
  region         = "europe-west4"
  tier           = "STANDARD_HA"
  memory_size_gb = 3
  redis_version  = "REDIS_6_X"

  authorized_network      = google_compute_network.main.id
  connect_mode            = "PRIVATE_SERVICE_ACCESS"
  auth_enabled            = true
  transit_encryption_mode = "SERVER_AUTHENTICATION"

  depends_on = [google_service_networking_connection.main_private_services]
}
