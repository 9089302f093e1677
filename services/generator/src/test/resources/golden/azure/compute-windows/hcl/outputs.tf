output "main_vnet_id" {
  description = "ID of the virtual network of network main"
  value       = azurerm_virtual_network.main.id
}

output "app_subnet_id" {
  description = "ID of subnet app"
  value       = azurerm_subnet.app.id
}

output "win_private_ips" {
  description = "Private IP addresses of win"
  value       = azurerm_network_interface.win[*].private_ip_address
}
