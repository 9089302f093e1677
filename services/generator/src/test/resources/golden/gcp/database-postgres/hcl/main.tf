resource "google_compute_network" "main" {
  name                    = "case-postgres-main"
  auto_create_subnetworks = false
  routing_mode            = "REGIONAL"
}

resource "google_compute_global_address" "main_private_services" {
  name          = "case-postgres-main-private-services"
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
  name                     = "case-postgres-data-a"
  region                   = "europe-west4"
  network                  = google_compute_network.main.id
  ip_cidr_range            = "10.7.1.0/24"
  private_ip_google_access = true
}

resource "google_compute_subnetwork" "data_b" {
  name                     = "case-postgres-data-b"
  region                   = "europe-west4"
  network                  = google_compute_network.main.id
  ip_cidr_range            = "10.7.2.0/24"
  private_ip_google_access = true
}

resource "google_sql_database_instance" "orders" {
  name                = "case-postgres-orders"
  database_version    = "POSTGRES_16"
  region              = "europe-west4"
  deletion_protection = true

  settings {
    edition           = "ENTERPRISE"
    tier              = "db-custom-4-15360"
    availability_type = "REGIONAL"
    disk_type         = "PD_SSD"
    disk_size         = 100
    user_labels       = local.labels

    backup_configuration {
      enabled                        = true
      point_in_time_recovery_enabled = true

      backup_retention_settings {
        retained_backups = 14
        retention_unit   = "COUNT"
      }
    }

    ip_configuration {
      ipv4_enabled    = false
      private_network = google_compute_network.main.id
      ssl_mode        = "ENCRYPTED_ONLY"
    }
  }

  depends_on = [google_service_networking_connection.main_private_services]
}

resource "google_sql_user" "orders" {
  name     = "dbadmin"
  instance = google_sql_database_instance.orders.name
  password = var.orders_admin_password
}
