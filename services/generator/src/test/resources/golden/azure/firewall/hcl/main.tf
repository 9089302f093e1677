resource "azurerm_resource_group" "main" {
  name     = "rg-case-firewall"
  location = "westeurope"
  tags     = local.tags
}

resource "azurerm_virtual_network" "main" {
  name                = "case-firewall-main"
  resource_group_name = azurerm_resource_group.main.name
  location            = azurerm_resource_group.main.location
  address_space       = ["10.2.0.0/16"]
  tags                = local.tags
}

resource "azurerm_subnet" "app" {
  name                            = "case-firewall-app"
  resource_group_name             = azurerm_resource_group.main.name
  virtual_network_name            = azurerm_virtual_network.main.name
  address_prefixes                = ["10.2.1.0/24"]
  default_outbound_access_enabled = false
}

resource "azurerm_network_interface" "vm" {
  count = 1

  name                = "case-firewall-vm-${count.index}"
  resource_group_name = azurerm_resource_group.main.name
  location            = azurerm_resource_group.main.location
  tags                = local.tags

  ip_configuration {
    name                          = "primary"
    subnet_id                     = azurerm_subnet.app.id
    private_ip_address_allocation = "Dynamic"
  }
}

resource "azurerm_linux_virtual_machine" "vm" {
  count = 1

  name                  = "case-firewall-vm-${count.index}"
  resource_group_name   = azurerm_resource_group.main.name
  location              = azurerm_resource_group.main.location
  size                  = "Standard_B2s"
  admin_username        = "dharma"
  network_interface_ids = [azurerm_network_interface.vm[count.index].id]
  tags                  = local.tags

  admin_ssh_key {
    username   = "dharma"
    public_key = var.ssh_public_key
  }

  os_disk {
    caching              = "ReadWrite"
    storage_account_type = "Premium_LRS"
    disk_size_gb         = 30
  }

  source_image_reference {
    publisher = "Canonical"
    offer     = "ubuntu-24_04-lts"
    sku       = "server"
    version   = "latest"
  }
}

resource "azurerm_network_security_group" "vm_fw" {
  name                = "case-firewall-vm-fw"
  resource_group_name = azurerm_resource_group.main.name
  location            = azurerm_resource_group.main.location
  tags                = local.tags
}

resource "azurerm_network_security_rule" "vm_fw" {
  for_each = {
    allow-in-100 = {
      priority                     = 100
      direction                    = "Inbound"
      access                       = "Allow"
      protocol                     = "Tcp"
      destination_port_range       = null
      destination_port_ranges      = ["80", "443"]
      source_address_prefix        = "0.0.0.0/0"
      source_address_prefixes      = null
      destination_address_prefix   = "*"
      destination_address_prefixes = null
      description                  = "web traffic (HTTP & HTTPS)"
    }
    allow-in-110 = {
      priority                     = 110
      direction                    = "Inbound"
      access                       = "Allow"
      protocol                     = "Tcp"
      destination_port_range       = null
      destination_port_ranges      = ["80", "443"]
      source_address_prefix        = "::/0"
      source_address_prefixes      = null
      destination_address_prefix   = "*"
      destination_address_prefixes = null
      description                  = "web traffic (HTTP & HTTPS)"
    }
    allow-in-120 = {
      priority                     = 120
      direction                    = "Inbound"
      access                       = "Allow"
      protocol                     = "Udp"
      destination_port_range       = null
      destination_port_ranges      = ["60000-61000"]
      source_address_prefix        = "10.0.0.0/8"
      source_address_prefixes      = null
      destination_address_prefix   = "*"
      destination_address_prefixes = null
      description                  = null
    }
    allow-in-130 = {
      priority                     = 130
      direction                    = "Inbound"
      access                       = "Allow"
      protocol                     = "Icmp"
      destination_port_range       = "*"
      destination_port_ranges      = null
      source_address_prefix        = "10.2.0.0/16"
      source_address_prefixes      = null
      destination_address_prefix   = "*"
      destination_address_prefixes = null
      description                  = null
    }
    allow-out-100 = {
      priority                     = 100
      direction                    = "Outbound"
      access                       = "Allow"
      protocol                     = "*"
      destination_port_range       = "*"
      destination_port_ranges      = null
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
  network_security_group_name  = azurerm_network_security_group.vm_fw.name
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

resource "azurerm_subnet_network_security_group_association" "vm_fw_app" {
  subnet_id                 = azurerm_subnet.app.id
  network_security_group_id = azurerm_network_security_group.vm_fw.id
}
