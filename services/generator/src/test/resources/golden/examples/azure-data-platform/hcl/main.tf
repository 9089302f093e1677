resource "azurerm_resource_group" "main" {
  name     = "rg-data-platform-staging"
  location = "westeurope"
  tags     = local.tags
}

resource "azurerm_virtual_network" "data_net" {
  name                = "data-platform-staging-data-net"
  resource_group_name = azurerm_resource_group.main.name
  location            = azurerm_resource_group.main.location
  address_space       = ["10.40.0.0/16"]
  tags                = local.tags
}

resource "azurerm_subnet" "workers" {
  name                            = "data-platform-staging-workers"
  resource_group_name             = azurerm_resource_group.main.name
  virtual_network_name            = azurerm_virtual_network.data_net.name
  address_prefixes                = ["10.40.1.0/24"]
  default_outbound_access_enabled = false
}

resource "azurerm_subnet" "databases" {
  name                            = "data-platform-staging-databases"
  resource_group_name             = azurerm_resource_group.main.name
  virtual_network_name            = azurerm_virtual_network.data_net.name
  address_prefixes                = ["10.40.2.0/24"]
  default_outbound_access_enabled = false
}

resource "azurerm_network_security_group" "data_fw" {
  name                = "data-platform-staging-data-fw"
  resource_group_name = azurerm_resource_group.main.name
  location            = azurerm_resource_group.main.location
  tags                = local.tags
}

resource "azurerm_network_security_rule" "data_fw" {
  for_each = {
    allow-in-100 = {
      priority                     = 100
      direction                    = "Inbound"
      access                       = "Allow"
      protocol                     = "Tcp"
      destination_port_range       = null
      destination_port_ranges      = ["5432", "3306"]
      source_address_prefix        = "10.40.1.0/24"
      source_address_prefixes      = null
      destination_address_prefix   = "*"
      destination_address_prefixes = null
      description                  = "workers reach the databases"
    }
    allow-in-110 = {
      priority                     = 110
      direction                    = "Inbound"
      access                       = "Allow"
      protocol                     = "Tcp"
      destination_port_range       = null
      destination_port_ranges      = ["22"]
      source_address_prefix        = "10.0.0.0/8"
      source_address_prefixes      = null
      destination_address_prefix   = "*"
      destination_address_prefixes = null
      description                  = "SSH from the corporate VPN only"
    }
    allow-out-100 = {
      priority                     = 100
      direction                    = "Outbound"
      access                       = "Allow"
      protocol                     = "Tcp"
      destination_port_range       = null
      destination_port_ranges      = ["443"]
      source_address_prefix        = "*"
      source_address_prefixes      = null
      destination_address_prefix   = "0.0.0.0/0"
      destination_address_prefixes = null
      description                  = null
    }
    allow-load-balancer-probes = {
      priority                     = 4000
      direction                    = "Inbound"
      access                       = "Allow"
      protocol                     = "*"
      destination_port_range       = "*"
      destination_port_ranges      = null
      source_address_prefix        = "AzureLoadBalancer"
      source_address_prefixes      = null
      destination_address_prefix   = "*"
      destination_address_prefixes = null
      description                  = "health probes of Azure load balancers"
    }
    deny-all-in = {
      priority                     = 4096
      direction                    = "Inbound"
      access                       = "Deny"
      protocol                     = "*"
      destination_port_range       = "*"
      destination_port_ranges      = null
      source_address_prefix        = "*"
      source_address_prefixes      = null
      destination_address_prefix   = "*"
      destination_address_prefixes = null
      description                  = null
    }
    deny-all-out = {
      priority                     = 4096
      direction                    = "Outbound"
      access                       = "Deny"
      protocol                     = "*"
      destination_port_range       = "*"
      destination_port_ranges      = null
      source_address_prefix        = "*"
      source_address_prefixes      = null
      destination_address_prefix   = "*"
      destination_address_prefixes = null
      description                  = null
    }
  }

  name                         = each.key
  resource_group_name          = azurerm_resource_group.main.name
  network_security_group_name  = azurerm_network_security_group.data_fw.name
  priority                     = each.value.priority
  direction                    = each.value.direction
  access                       = each.value.access
  protocol                     = each.value.protocol
  source_port_range            = "*"
  destination_port_range       = each.value.destination_port_range
  destination_port_ranges      = each.value.destination_port_ranges
  source_address_prefix        = each.value.source_address_prefix
  source_address_prefixes      = each.value.source_address_prefixes
  destination_address_prefix   = each.value.destination_address_prefix
  destination_address_prefixes = each.value.destination_address_prefixes
  description                  = each.value.description
}

resource "azurerm_subnet_network_security_group_association" "data_fw_workers" {
  subnet_id                 = azurerm_subnet.workers.id
  network_security_group_id = azurerm_network_security_group.data_fw.id
}

resource "azurerm_subnet_network_security_group_association" "data_fw_databases" {
  subnet_id                 = azurerm_subnet.databases.id
  network_security_group_id = azurerm_network_security_group.data_fw.id
}

resource "azurerm_network_interface" "ingest" {
  count = 3

  name                = "data-platform-staging-ingest-${count.index}"
  resource_group_name = azurerm_resource_group.main.name
  location            = azurerm_resource_group.main.location
  tags                = local.tags

  ip_configuration {
    name                          = "primary"
    subnet_id                     = azurerm_subnet.workers.id
    private_ip_address_allocation = "Dynamic"
  }
}

resource "azurerm_linux_virtual_machine" "ingest" {
  count = 3

  name                  = "data-platform-staging-ingest-${count.index}"
  resource_group_name   = azurerm_resource_group.main.name
  location              = azurerm_resource_group.main.location
  size                  = "Standard_B2ms"
  admin_username        = "dharma"
  network_interface_ids = [azurerm_network_interface.ingest[count.index].id]
  tags                  = local.tags

  admin_ssh_key {
    username   = "dharma"
    public_key = var.ssh_public_key
  }

  os_disk {
    caching              = "ReadWrite"
    storage_account_type = "Premium_LRS"
    disk_size_gb         = 100
  }

  source_image_reference {
    publisher = "Debian"
    offer     = "debian-12"
    sku       = "12-gen2"
    version   = "latest"
  }
}

resource "random_id" "warehouse" {
  byte_length = 3
}

resource "azurerm_postgresql_flexible_server" "warehouse" {
  name                  = "data-platform-staging-warehouse-${random_id.warehouse.hex}"
  resource_group_name   = azurerm_resource_group.main.name
  location              = azurerm_resource_group.main.location
  version               = "16"
  sku_name              = "GP_Standard_D4s_v3"
  storage_mb            = 524288
  backup_retention_days = 14

  administrator_login           = "dbadmin"
  administrator_password        = var.warehouse_admin_password
  public_network_access_enabled = false
  tags                          = local.tags

  high_availability {
    mode = "ZoneRedundant"
  }

  lifecycle {
    ignore_changes = [zone, high_availability[0].standby_availability_zone]
  }
}

resource "azurerm_private_endpoint" "warehouse" {
  name                = "data-platform-staging-warehouse-pe"
  resource_group_name = azurerm_resource_group.main.name
  location            = azurerm_resource_group.main.location
  subnet_id           = azurerm_subnet.databases.id
  tags                = local.tags

  private_service_connection {
    name                           = "data-platform-staging-warehouse"
    private_connection_resource_id = azurerm_postgresql_flexible_server.warehouse.id
    subresource_names              = ["postgresqlServer"]
    is_manual_connection           = false
  }
}

resource "random_id" "metadata_store" {
  byte_length = 3
}

resource "azurerm_mysql_flexible_server" "metadata_store" {
  name                  = "data-platform-staging-metadata-store-${random_id.metadata_store.hex}"
  resource_group_name   = azurerm_resource_group.main.name
  location              = azurerm_resource_group.main.location
  version               = "8.0.21"
  sku_name              = "B_Standard_B1ms"
  backup_retention_days = 7

  administrator_login    = "dbadmin"
  administrator_password = var.metadata_store_admin_password
  tags                   = local.tags

  storage {
    size_gb           = 50
    auto_grow_enabled = true
  }
}

resource "azurerm_private_endpoint" "metadata_store" {
  name                = "data-platform-staging-metadata-store-pe"
  resource_group_name = azurerm_resource_group.main.name
  location            = azurerm_resource_group.main.location
  subnet_id           = azurerm_subnet.databases.id
  tags                = local.tags

  private_service_connection {
    name                           = "data-platform-staging-metadata-store"
    private_connection_resource_id = azurerm_mysql_flexible_server.metadata_store.id
    subresource_names              = ["mysqlServer"]
    is_manual_connection           = false
  }
}

resource "random_id" "landing" {
  byte_length = 3
}

resource "azurerm_storage_account" "landing" {
  name                            = "landingdataplatfor${random_id.landing.hex}"
  resource_group_name             = azurerm_resource_group.main.name
  location                        = azurerm_resource_group.main.location
  account_kind                    = "StorageV2"
  account_tier                    = "Standard"
  account_replication_type        = "LRS"
  min_tls_version                 = "TLS1_2"
  https_traffic_only_enabled      = true
  allow_nested_items_to_be_public = false
  tags                            = local.tags
}

resource "azurerm_storage_container" "landing" {
  name                  = "landing"
  storage_account_id    = azurerm_storage_account.landing.id
  container_access_type = "private"
}

resource "azurerm_storage_management_policy" "landing" {
  storage_account_id = azurerm_storage_account.landing.id

  rule {
    name    = "age-based"
    enabled = true

    filters {
      blob_types = ["blockBlob"]
    }

    actions {
      base_blob {
        tier_to_archive_after_days_since_modification_greater_than = 30
        delete_after_days_since_modification_greater_than          = 365
      }
    }
  }
}

resource "random_id" "curated" {
  byte_length = 3

  depends_on = [azurerm_private_endpoint.warehouse]
}

resource "azurerm_storage_account" "curated" {
  name                            = "curateddataplatfor${random_id.curated.hex}"
  resource_group_name             = azurerm_resource_group.main.name
  location                        = azurerm_resource_group.main.location
  account_kind                    = "StorageV2"
  account_tier                    = "Standard"
  account_replication_type        = "LRS"
  min_tls_version                 = "TLS1_2"
  https_traffic_only_enabled      = true
  allow_nested_items_to_be_public = false
  tags                            = local.tags

  blob_properties {
    versioning_enabled = true
  }
}

resource "azurerm_storage_container" "curated" {
  name                  = "curated"
  storage_account_id    = azurerm_storage_account.curated.id
  container_access_type = "private"
}
