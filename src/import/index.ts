// Importing users from other formats into PutUsers input files: VS Code-free, on the core.
export { importUsersCsv, type CsvImportOptions, type CsvImportReport, type RejectedRow } from './csv-users';
