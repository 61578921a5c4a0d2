// The core's positions are VS Code's (0-based lines, UTF-16 characters): only the classes differ.
import * as vscode from 'vscode';
import type { Position, Range } from '../core';

export const toPosition = ({ line, character }: Position) => new vscode.Position(line, character);

export const toRange = ({ start, end }: Range) => new vscode.Range(toPosition(start), toPosition(end));
