output "main_vnet_id" {
  description = "ID of the virtual network of network main"
  value       = azurerm_virtual_network.main.id
}

output "app_subnet_id" {
  description = "ID of subnet app"
  value       = azurerm_subnet.app.id
}

output "vm_private_ips" {
  description = "Private IP addresses of vm"
  value       = azurerm_network_interface.vm[*].private_ip_address
}

output "vm_fw_network_security_group_id" {
  description = "ID of the network security group of firewall vm-fw"
  value       = azurerm_network_security_group.vm_fw.id
}
