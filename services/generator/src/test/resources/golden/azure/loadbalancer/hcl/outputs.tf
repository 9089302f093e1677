output "main_vnet_id" {
  description = "ID of the virtual network of network main"
  value       = azurerm_virtual_network.main.id
}

output "edge_a_subnet_id" {
  description = "ID of subnet edge-a"
  value       = azurerm_subnet.edge_a.id
}

output "edge_b_subnet_id" {
  description = "ID of subnet edge-b"
  value       = azurerm_subnet.edge_b.id
}

output "app_subnet_id" {
  description = "ID of subnet app"
  value       = azurerm_subnet.app.id
}

output "web_private_ips" {
  description = "Private IP addresses of web"
  value       = azurerm_network_interface.web[*].private_ip_address
}

output "web_lb_ip_address" {
  description = "IP address of load balancer web-lb"
  value       = azurerm_public_ip.web_lb.ip_address
}

output "queue_lb_ip_address" {
  description = "IP address of load balancer queue-lb"
  value       = azurerm_lb.queue_lb.private_ip_address
}
