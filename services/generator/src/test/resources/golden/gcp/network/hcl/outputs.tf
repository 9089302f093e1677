output "main_network_id" {
  description = "ID of the VPC network of network main"
  value       = google_compute_network.main.id
}
