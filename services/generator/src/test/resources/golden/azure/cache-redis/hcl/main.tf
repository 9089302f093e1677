resource "azurerm_resource_group" "main" {
  name     = "rg-case-redis"
  location = "westeurope"
  tags     = local.tags
}

resource "azurerm_virtual_network" "main" {
  name                = "case-redis-main"
  resource_group_name = azurerm_resource_group.main.name
  location            = azurerm_resource_group.main.location
  address_space       = ["10.9.0.0/16"]
  tags                = local.tags
}

resource "azurerm_subnet" "data_a" {
  name                            = "case-redis-data-a"
  resource_group_name             = azurerm_resource_group.main.name
  virtual_network_name            = azurerm_virtual_network.main.name
  address_prefixes                = ["10.9.1.0/24"]
  default_outbound_access_enabled = false
}

resource "azurerm_subnet" "data_b" {
  name                            = "case-redis-data-b"
  resource_group_name             = azurerm_resource_group.main.name
  virtual_network_name            = azurerm_virtual_network.main.name
  address_prefixes                = ["10.9.2.0/24"]
  default_outbound_access_enabled = false
}

resource "random_id" "sessions" {
  byte_length = 3
}

resource "azurerm_redis_cache" "sessions" {
  name                          = "case-redis-sessions-${random_id.sessions.hex}"
  resource_group_name           = azurerm_resource_group.main.name
  location                      = azurerm_resource_group.main.location
  sku_name                      = "Standard"
  family                        = "C"
  capacity                      = 2
  redis_version                 = "6"
  minimum_tls_version           = "1.2"
  non_ssl_port_enabled          = false
  public_network_access_enabled = false
  tags                          = local.tags
}

resource "azurerm_private_endpoint" "sessions" {
  name                = "case-redis-sessions-pe"
  resource_group_name = azurerm_resource_group.main.name
  location            = azurerm_resource_group.main.location
  subnet_id           = azurerm_subnet.data_a.id
  tags                = local.tags

  private_service_connection {
    name                           = "case-redis-sessions"
    private_connection_resource_id = azurerm_redis_cache.sessions.id
    subresource_names              = ["redisCache"]
    is_manual_connection           = false
  }
}
