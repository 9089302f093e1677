variable "ssh_public_key" {
  description = "SSH public key of the administrator 'dharma' of the Linux virtual machines"
  type        = string
  nullable    = false
}

variable "warehouse_admin_password" {
  description = "Password of the administrator 'dbadmin' of database warehouse"
  type        = string
  sensitive   = true
  nullable    = false
}

variable "metadata_store_admin_password" {
  description = "Password of the administrator 'dbadmin' of database metadata-store"
  type        = string
  sensitive   = true
  nullable    = false
}
