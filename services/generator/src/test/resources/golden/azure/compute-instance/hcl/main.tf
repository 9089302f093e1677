resource "azurerm_resource_group" "main" {
  name     = "rg-case-compute"
  location = "westeurope"
  tags     = local.tags
}

resource "azurerm_virtual_network" "main" {
  name                = "case-compute-main"
  resource_group_name = azurerm_resource_group.main.name
  location            = azurerm_resource_group.main.location
  address_space       = ["10.3.0.0/16"]
  tags                = local.tags
}

resource "azurerm_subnet" "edge" {
  name                            = "case-compute-edge"
  resource_group_name             = azurerm_resource_group.main.name
  virtual_network_name            = azurerm_virtual_network.main.name
  address_prefixes                = ["10.3.0.0/24"]
  default_outbound_access_enabled = true
}

resource "azurerm_public_ip" "worker" {
  count = 2

  name                = "case-compute-worker-${count.index}"
  resource_group_name = azurerm_resource_group.main.name
  location            = azurerm_resource_group.main.location
  allocation_method   = "Static"
  sku                 = "Standard"
  tags                = local.tags
}

resource "azurerm_network_interface" "worker" {
  count = 2

  name                = "case-compute-worker-${count.index}"
  resource_group_name = azurerm_resource_group.main.name
  location            = azurerm_resource_group.main.location
  tags                = local.tags

  ip_configuration {
    name                          = "primary"
    subnet_id                     = azurerm_subnet.edge.id
    private_ip_address_allocation = "Dynamic"
    public_ip_address_id          = azurerm_public_ip.worker[count.index].id
  }
}

resource "azurerm_linux_virtual_machine" "worker" {
  count = 2

  name                  = "case-compute-worker-${count.index}"
  resource_group_name   = azurerm_resource_group.main.name
  location              = azurerm_resource_group.main.location
  size                  = "Standard_B2ms"
  admin_username        = "dharma"
  network_interface_ids = [azurerm_network_interface.worker[count.index].id]
  tags                  = local.tags

  admin_ssh_key {
    username   = "dharma"
    public_key = var.ssh_public_key
  }

  os_disk {
    caching              = "ReadWrite"
    storage_account_type = "Standard_LRS"
    disk_size_gb         = 50
  }

  source_image_reference {
    publisher = "Debian"
    offer     = "debian-12"
    sku       = "12-gen2"
    version   = "latest"
  }
}
