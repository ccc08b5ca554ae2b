/**
 * The backup download's strings (src/ui/backup-download.ts, the settings page's Backup section),
 * spread into the settings catalogues (i18n-settings.ts). French and English.
 */
export const BACKUP_DOWNLOAD_FR = {
  exportStarting: 'Préparation de la sauvegarde…',
  exportProgress: 'Sauvegarde en cours : {invoices} factures sur {total}…',
  exportCancel: 'Annuler la sauvegarde',
  exportCancelled: 'Sauvegarde annulée : aucun fichier enregistré.',
  exportLost: 'La sauvegarde a été interrompue (Relance a redémarré, ou une autre sauvegarde a commencé) : relancez-la.',
  exportFailed: 'La sauvegarde a échoué : {reason}',
};

export const BACKUP_DOWNLOAD_EN: Record<keyof typeof BACKUP_DOWNLOAD_FR, string> = {
  exportStarting: 'Preparing the backup…',
  exportProgress: 'Backing up: {invoices} of {total} invoices…',
  exportCancel: 'Cancel the backup',
  exportCancelled: 'Backup cancelled: no file was saved.',
  exportLost: 'The backup was interrupted (Relance restarted, or another backup started): start it again.',
  exportFailed: 'The backup failed: {reason}',
};
