output "data_net_vnet_id" {
  description = "ID of the virtual network of network data-net"
  value       = azurerm_virtual_network.data_net.id
}

output "workers_subnet_id" {
  description = "ID of subnet workers"
  value       = azurerm_subnet.workers.id
}

output "databases_subnet_id" {
  description = "ID of subnet databases"
  value       = azurerm_subnet.databases.id
}

output "data_fw_network_security_group_id" {
  description = "ID of the network security group of firewall data-fw"
  value       = azurerm_network_security_group.data_fw.id
}

output "ingest_private_ips" {
  description = "Private IP addresses of ingest"
  value       = azurerm_network_interface.ingest[*].private_ip_address
}

output "warehouse_endpoint" {
  description = "Host name of database warehouse"
  value       = azurerm_postgresql_flexible_server.warehouse.fqdn
}

output "metadata_store_endpoint" {
  description = "Host name of database metadata-store"
  value       = azurerm_mysql_flexible_server.metadata_store.fqdn
}

output "landing_storage_account_name" {
  description = "Storage account of bucket landing"
  value       = azurerm_storage_account.landing.name
}

output "landing_container_name" {
  description = "Container of bucket landing"
  value       = azurerm_storage_container.landing.name
}

output "curated_storage_account_name" {
  description = "Storage account of bucket curated"
  value       = azurerm_storage_account.curated.name
}

output "curated_container_name" {
  description = "Container of bucket curated"
  value       = azurerm_storage_container.curated.name
}
