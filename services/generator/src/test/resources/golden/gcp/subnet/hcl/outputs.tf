output "main_network_id" {
  description = "ID of the VPC network of network main"
  value       = google_compute_network.main.id
}

output "edge_subnet_id" {
  description = "ID of subnet edge"
  value       = google_compute_subnetwork.edge.id
}

output "app_subnet_id" {
  description = "ID of subnet app"
  value       = google_compute_subnetwork.app.id
}
