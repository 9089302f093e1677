output "main_network_id" {
  description = "ID of the VPC network of network main"
  value       = google_compute_network.main.id
}

output "edge_subnet_id" {
  description = "ID of subnet edge"
  value       = google_compute_subnetwork.edge.id
}

output "worker_private_ips" {
  description = "Private IP addresses of worker"
  value       = google_compute_instance.worker[*].network_interface[0].network_ip
}

output "worker_public_ips" {
  description = "Public IP addresses of worker"
  value       = google_compute_instance.worker[*].network_interface[0].access_config[0].nat_ip
}
