import { sequence } from "./fields";
import { ThreadIdInput } from "./thread";

export const MarkReadInput = ThreadIdInput.extend({ sequence: sequence("sequence", 1) });
