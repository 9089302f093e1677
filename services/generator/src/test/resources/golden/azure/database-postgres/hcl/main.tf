resource "azurerm_resource_group" "main" {
  name     = "rg-case-postgres"
  location = "westeurope"
  tags     = local.tags
}

resource "azurerm_virtual_network" "main" {
  name                = "case-postgres-main"
  resource_group_name = azurerm_resource_group.main.name
  location            = azurerm_resource_group.main.location
  address_space       = ["10.7.0.0/16"]
  tags                = local.tags
}

resource "azurerm_subnet" "data_a" {
  name                            = "case-postgres-data-a"
  resource_group_name             = azurerm_resource_group.main.name
  virtual_network_name            = azurerm_virtual_network.main.name
  address_prefixes                = ["10.7.1.0/24"]
  default_outbound_access_enabled = false
}

resource "azurerm_subnet" "data_b" {
  name                            = "case-postgres-data-b"
  resource_group_name             = azurerm_resource_group.main.name
  virtual_network_name            = azurerm_virtual_network.main.name
  address_prefixes                = ["10.7.2.0/24"]
  default_outbound_access_enabled = false
}

resource "random_id" "orders" {
  byte_length = 3
}

resource "azurerm_postgresql_flexible_server" "orders" {
  name                  = "case-postgres-orders-${random_id.orders.hex}"
  resource_group_name   = azurerm_resource_group.main.name
  location              = azurerm_resource_group.main.location
  version               = "16"
  sku_name              = "GP_Standard_D4s_v3"
  storage_mb            = 131072
  backup_retention_days = 14

  administrator_login           = "dbadmin"
  administrator_password        = var.orders_admin_password
  public_network_access_enabled = false
  tags                          = local.tags

  high_availability {
    mode = "ZoneRedundant"
  }

  lifecycle {
    ignore_changes = [zone, high_availability[0].standby_availability_zone]
  }
}

resource "azurerm_private_endpoint" "orders" {
  name                = "case-postgres-orders-pe"
  resource_group_name = azurerm_resource_group.main.name
  location            = azurerm_resource_group.main.location
  subnet_id           = azurerm_subnet.data_a.id
  tags                = local.tags

  private_service_connection {
    name                           = "case-postgres-orders"
    private_connection_resource_id = azurerm_postgresql_flexible_server.orders.id
    subresource_names              = ["postgresqlServer"]
    is_manual_connection           = false
  }
}
