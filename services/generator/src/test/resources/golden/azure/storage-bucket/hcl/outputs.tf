output "archive_storage_account_name" {
  description = "Storage account of bucket archive"
  value       = azurerm_storage_account.archive.name
}

output "archive_container_name" {
  description = "Container of bucket archive"
  value       = azurerm_storage_container.archive.name
}

output "site_storage_account_name" {
  description = "Storage account of bucket site"
  value       = azurerm_storage_account.site.name
}

output "site_container_name" {
  description = "Container of bucket site"
  value       = azurerm_storage_container.site.name
}
