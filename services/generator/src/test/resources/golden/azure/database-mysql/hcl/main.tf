resource "azurerm_resource_group" "main" {
  name     = "rg-case-mysql"
  location = "westeurope"
  tags     = local.tags
}

resource "azurerm_virtual_network" "main" {
  name                = "case-mysql-main"
  resource_group_name = azurerm_resource_group.main.name
  location            = azurerm_resource_group.main.location
  address_space       = ["10.8.0.0/16"]
  tags                = local.tags
}

resource "azurerm_subnet" "data_a" {
  name                            = "case-mysql-data-a"
  resource_group_name             = azurerm_resource_group.main.name
  virtual_network_name            = azurerm_virtual_network.main.name
  address_prefixes                = ["10.8.1.0/24"]
  default_outbound_access_enabled = false
}

resource "azurerm_subnet" "data_b" {
  name                            = "case-mysql-data-b"
  resource_group_name             = azurerm_resource_group.main.name
  virtual_network_name            = azurerm_virtual_network.main.name
  address_prefixes                = ["10.8.2.0/24"]
  default_outbound_access_enabled = false
}

resource "random_id" "catalog" {
  byte_length = 3
}

resource "azurerm_mysql_flexible_server" "catalog" {
  name                  = "case-mysql-catalog-${random_id.catalog.hex}"
  resource_group_name   = azurerm_resource_group.main.name
  location              = azurerm_resource_group.main.location
  version               = "8.0.21"
  sku_name              = "B_Standard_B1ms"
  backup_retention_days = 7

  administrator_login    = "dbadmin"
  administrator_password = var.catalog_admin_password
  tags                   = local.tags

  storage {
    size_gb           = 50
    auto_grow_enabled = true
  }
}

resource "azurerm_private_endpoint" "catalog" {
  name                = "case-mysql-catalog-pe"
  resource_group_name = azurerm_resource_group.main.name
  location            = azurerm_resource_group.main.location
  subnet_id           = azurerm_subnet.data_a.id
  tags                = local.tags

  private_service_connection {
    name                           = "case-mysql-catalog"
    private_connection_resource_id = azurerm_mysql_flexible_server.catalog.id
    subresource_names              = ["mysqlServer"]
    is_manual_connection           = false
  }
}
