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

output "web_private_ips" {
  description = "Private IP addresses of web"
  value       = google_compute_instance.web[*].network_interface[0].network_ip
}

output "web_public_ips" {
  description = "Public IP addresses of web"
  value       = google_compute_instance.web[*].network_interface[0].access_config[0].nat_ip
}

output "web_lb_ip_address" {
  description = "IP address of load balancer web-lb"
  value       = google_compute_address.web_lb.address
}

output "www_fqdn" {
  description = "Name of DNS record www"
  value       = google_dns_record_set.www.name
}

output "apex_fqdn" {
  description = "Name of DNS record apex"
  value       = google_dns_record_set.apex.name
}

output "direct_fqdn" {
  description = "Name of DNS record direct"
  value       = google_dns_record_set.direct.name
}

output "spf_fqdn" {
  description = "Name of DNS record spf"
  value       = google_dns_record_set.spf.name
}
