output "main_network_id" {
  description = "ID of the VPC network of network main"
  value       = google_compute_network.main.id
}

output "app_subnet_id" {
  description = "ID of subnet app"
  value       = google_compute_subnetwork.app.id
}

output "vm_private_ips" {
  description = "Private IP addresses of vm"
  value       = google_compute_instance.vm[*].network_interface[0].network_ip
}
