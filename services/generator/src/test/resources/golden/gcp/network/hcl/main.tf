resource "google_compute_network" "main" {
  name                    = "case-network-main"
  auto_create_subnetworks = false
  routing_mode            = "REGIONAL"
}
