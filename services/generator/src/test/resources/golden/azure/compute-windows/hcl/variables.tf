variable "win_admin_password" {
  description = "Password of the administrator 'dharma' of Windows instances win"
  type        = string
  sensitive   = true
  nullable    = false
}
