export { BackupButton } from './BackupButton';
export { FirstStart } from './FirstStart';
export { OpenedFiles } from './OpenedFiles';
