import { AllCommunityModule, ModuleRegistry } from 'ag-grid-community'

// Community only: every grid in the app uses the same, registered once at start-up.
ModuleRegistry.registerModules([AllCommunityModule])
