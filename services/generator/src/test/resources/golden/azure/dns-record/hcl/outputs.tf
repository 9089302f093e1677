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

output "web_private_ips" {
  description = "Private IP addresses of web"
  value       = azurerm_network_interface.web[*].private_ip_address
}

output "web_public_ips" {
  description = "Public IP addresses of web"
  value       = azurerm_public_ip.web[*].ip_address
}

output "web_lb_ip_address" {
  description = "IP address of load balancer web-lb"
  value       = azurerm_public_ip.web_lb.ip_address
}

output "www_fqdn" {
  description = "Name of DNS record www"
  value       = azurerm_dns_cname_record.www.fqdn
}

output "apex_fqdn" {
  description = "Name of DNS record apex"
  value       = azurerm_dns_a_record.apex.fqdn
}

output "direct_fqdn" {
  description = "Name of DNS record direct"
  value       = azurerm_dns_a_record.direct.fqdn
}

output "spf_fqdn" {
  description = "Name of DNS record spf"
  value       = azurerm_dns_txt_record.spf.fqdn
}
