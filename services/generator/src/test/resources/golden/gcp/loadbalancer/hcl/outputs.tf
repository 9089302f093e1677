output "main_network_id" {
  description = "ID of the VPC network of network main"
  value       = google_compute_network.main.id
}

output "edge_a_subnet_id" {
  description = "ID of subnet edge-a"
  value       = google_compute_subnetwork.edge_a.id
}

output "edge_b_subnet_id" {
  description = "ID of subnet edge-b"
  value       = google_compute_subnetwork.edge_b.id
}

output "app_subnet_id" {
  description = "ID of subnet app"
  value       = google_compute_subnetwork.app.id
}

output "web_private_ips" {
  description = "Private IP addresses of web"
  value       = google_compute_instance.web[*].network_interface[0].network_ip
}

output "web_lb_ip_address" {
  description = "IP address of load balancer web-lb"
  value       = google_compute_address.web_lb.address
}

output "queue_lb_ip_address" {
  description = "IP address of load balancer queue-lb"
  value       = google_compute_address.queue_lb.address
}
