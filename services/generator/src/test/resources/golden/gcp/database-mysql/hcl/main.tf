resource "google_compute_network" "main" {
  name                    = "case-mysql-main"
  auto_create_subnetworks = false
  routing_mode            = "REGIONAL"
}

resource "google_compute_global_address" "main_private_services" {
  name          = "case-mysql-main-private-services"
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
  name                     = "case-mysql-data-a"
  region                   = "europe-west4"
  network                  = google_compute_network.main.id
  ip_cidr_range            = "10.8.1.0/24"
  private_ip_google_access = true
}

resource "google_compute_subnetwork" "data_b" {
  name                     = "case-mysql-data-b"
  region                   = "europe-west4"
  network                  = google_compute_network.main.id
  ip_cidr_range            = "10.8.2.0/24"
  private_ip_google_access = true
}

resource "google_sql_database_instance" "catalog" {
  name                = "case-mysql-catalog"
  database_version    = "MYSQL_8_0"
  region              = "europe-west4"
  deletion_protection = false

  settings {
    edition           = "ENTERPRISE"
    tier              = "db-custom-1-3840"
    availability_type = "ZONAL"
    disk_type         = "PD_SSD"
    disk_size         = 50
    user_labels       = local.labels

    backup_configuration {
      enabled            = true
      binary_log_enabled = true

      backup_retention_settings {
        retained_backups = 7
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

resource "google_sql_user" "catalog" {
  name     = "dbadmin"
  instance = google_sql_database_instance.catalog.name
  password = var.catalog_admin_password
}
