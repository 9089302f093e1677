variable "ssh_public_key" {
  description = "SSH public key of the administrator 'dharma' of the Linux virtual machines"
  type        = string
  nullable    = false
}
