output "main_network_id" {
  description = "ID of the VPC network of network main"
  value       = google_compute_network.main.id
}

output "app_subnet_id" {
  description = "ID of subnet app"
  value       = google_compute_subnetwork.app.id
}

output "win_private_ips" {
  description = "Private IP addresses of win"
  value       = google_compute_instance.win[*].network_interface[0].network_ip
}
